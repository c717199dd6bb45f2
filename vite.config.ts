/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { host: 'localhost', port: 5173 },
  preview: { host: 'localhost', port: 4173 },
  test: {
    // Playwright specs live in e2e/ and must never run under Vitest.
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    // Component tests walk whole wizards with user-event in jsdom: on a busy 2-core machine one can take several
    // seconds (no test asserts a time; this is only how long one may take before it counts as hung).
    testTimeout: 20_000,
  },
});
