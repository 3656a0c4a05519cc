import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The renderer is served from file:// in Electron and from the loopback bridge in browser tests,
// so every asset path is relative. antd writes CSS-in-JS <style> tags, hence style-src 'unsafe-inline' in the CSP
// (scripts stay 'self' only).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
    rollupOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless in a desktop bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
