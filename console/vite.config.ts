import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev -w console` proxies the API to a running gateway; the build is served by the gateway itself.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000' } },
  build: {
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        // Libraries change less often than pages: separate chunks stay cached across releases.
        manualChunks: (id: string) => (id.includes('echarts') || id.includes('zrender') ? 'echarts' : id.includes('node_modules') ? 'vendor' : undefined),
      },
    },
  },
});
