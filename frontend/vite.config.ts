/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run build` writes into dist/; Maven passes --outDir to put the UI into the service's static resources.
// `npm run dev` proxies the API to a service running on DEVOLVE_URL (default http://127.0.0.1:8080).
const service = process.env.DEVOLVE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: { emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: { '/api': service, '/config.json': service },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
