// undici's connection pool alone (see bossClient.ts): the package's index also loads fetch, WebSocket, caches and
// mocks, none of which the BFF uses. The file's CommonJS export is the very class undici's index re-exports.
declare module 'undici/lib/dispatcher/pool.js' {
  import { Pool } from 'undici'
  export default Pool
}
