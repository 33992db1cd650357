/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// base './' makes the build work from any path: a static host, a sub-folder, a file server.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // Offline after one visit: the service worker precaches every file of the build (the app
    // shell, both workers' scripts, the lessons inside the bundle). A new deployment waits
    // until the page accepts it ('prompt'): a lecture is never reloaded under the lecturer.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Quorum: watch Raft and Paxos think',
        short_name: 'Quorum',
        description: 'Raft, Paxos and Multi-Paxos under crashes, partitions and lost messages, for lectures.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f1f5f9',
        theme_color: '#1d4ed8',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Links carry the scenario in the fragment, so every navigation is the one page.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
