import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The renderer is served from app://tierbook/ in Electron and from the loopback bridge in browser tests,
// so every asset path is relative. The app's CSP admits antd's CSS-in-JS <style> tags by a per-load nonce
// (core/renderer-serving.ts, used by the app's protocol and by the bridge alike).
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
