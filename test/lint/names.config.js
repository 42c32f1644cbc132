// The file-naming convention alone (eslint.config.js's `naming`), for the files the type-checked lint does not
// cover yet: test/run.ts runs it over them, so one convention holds for every file of the repo.
import { naming } from './eslint.config.js'

export default [{ ignores: ['**/node_modules/**', 'dist/**', 'test-output/**'] }, ...naming]
