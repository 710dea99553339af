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
        // React, Mantine, TanStack and the icons in long-cached chunks of their own (left
        // to the bundler, Mantine comes apart into dozens of small chunks, which costs a first load more
        // than their size saves). The charts (@mantine/charts, recharts and its d3 parts) are left to the
        // bundler, so they go with the KPI page and the first load does not carry them.
        manualChunks(id) {
          if (id.includes('node_modules/@mantine/charts')) return undefined;
          if (id.includes('node_modules/@mantine') || id.includes('node_modules/@floating-ui'))
            return 'mantine';
          if (id.includes('node_modules/@tabler/icons-react')) return 'icons';
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
