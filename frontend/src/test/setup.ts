import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n } from '../i18n/i18n';

// The build machines are small and shared: give async queries room before calling a failure.
configure({ asyncUtilTimeout: 5000 });

// Components read their texts from the catalogues: tests see English unless they switch.
beforeAll(async () => {
  await initI18n('en');
});

afterEach(() => {
  cleanup();
});
