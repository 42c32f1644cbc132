// ESLint for the folders in scope.json: typescript-eslint's type-checked rules; Prettier owns the layout.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'
import checkFile from 'eslint-plugin-check-file'
import scope from './scope.json' with { type: 'json' }

// A folder or a single file (pages join the scope one by one as they pass).
const under = (paths) => paths.map((path) => (path.endsWith('.ts') ? path : `${path}/**/*.ts`))
const API_ERROR = { from: 'file', name: 'ApiError', path: 'src/app/lib/api.ts' }
/** Every source file whose name the convention below covers. */
const NAMED = ['{src,mocks,boss-stub,test}/**/*.{ts,js}', '*.{ts,js}']
/** The TV app's component and page classes, one a file. */
const CLASS_FILES = ['src/app/{components,pages,widgets}/**/*.ts', 'src/app/App.ts']

/** The naming rule alone, for every file (test/lint/names.config.js checks those outside the scope with it). */
export const naming = [
  {
    // One file-naming convention for the whole repo (every file, in the lint scope or not): a file whose one export
    // is a Lightning component or page class is named PascalCase like its class (`HallPage.ts`: the Lightning and
    // TMDB convention), which is every file of the app's components/, pages/ and widgets/ and App.ts; every other
    // file camelCase (`orderLedger.ts`, `seedHouseholds.test.ts`). Folders keep the names the design fixed
    // (`boss-stub/`). test/run.ts lints the names of the files outside the scope with this block alone.
    files: NAMED,
    // Parsed only, without types: the names of files outside the scope are checked too (names.config.js).
    languageOptions: { parser: tseslint.parser },
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,js}': 'CAMEL_CASE' },
        { ignoreMiddleExtensions: true },
      ],
    },
  },
  {
    files: CLASS_FILES,
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.ts': 'PASCAL_CASE' },
        { ignoreMiddleExtensions: true },
      ],
    },
  },
]

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'test-output/**'] },
  {
    files: under(scope.checked),
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked, prettier],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: new URL('../..', import.meta.url).pathname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks what a destructuring leaves out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // fastify plugins and msw resolvers are async by contract, awaiting or not.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The TV app's errors are ApiError, on purpose not an Error subclass (subclassing built-ins misbehaves once
    // transpiled to ES5 for old set-top boxes): it is what the app throws and rejects with.
    files: ['src/app/**/*.ts'],
    rules: {
      '@typescript-eslint/only-throw-error': ['error', { allow: [API_ERROR] }],
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allow: [API_ERROR] }],
    },
  },
  ...naming,
  {
    // Tests read answers off the wire as `any` (the harness's api()); the typed client of issue 21 replaces that.
    // Until then the no-unsafe-* family stays off here only. `expect(obj.method)` is how vitest names a spy.
    files: under(['test']),
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
)
