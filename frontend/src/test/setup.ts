import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The build machines are small and shared: give async queries room before calling a failure.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
