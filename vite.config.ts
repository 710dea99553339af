import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app. `npm start` builds it into dist/web, which the server serves. For development run the
// server (`npm start`) and `npx vite` side by side: the dev server forwards /api to port 3000.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // React, TanStack, the icons and each language in long-cached chunks of their own. Mantine's
        // components and the charts (recharts and its d3 parts) are left to the bundler, so each goes with
        // the pages that use it and the first load carries only what the app shell draws.
        manualChunks(id) {
          if (id.includes('node_modules/@tabler/icons-react')) return 'icons';
          // Each language but English (the fallback, in the app's code) in one chunk of its own.
          const language = /\/locales\/(\w+)\//.exec(id)?.[1];
          if (language && language !== 'en') return `locale-${language}`;
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          if (id.includes('node_modules/@tanstack')) return 'tanstack';
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
});
