// Lint (issue 17): typescript-eslint's recommended rules and a 120-character line limit that
// prettier cannot keep alone (comments, strings). Layout is prettier's (npm run format), not ESLint's.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', 'reports/**', '.stryker-tmp/**', 'annotated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@stylistic': stylistic },
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      // `_name` marks an argument a signature needs and the body does not (fast-check predicates, visitors).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // One width for code, comments and strings; URLs aside.
      '@stylistic/max-len': ['error', { code: 120, ignoreUrls: true }],
    },
  },
);
