import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <h1>Quorum</h1>
      <p>The engine is ready; the cluster view arrives with the app issue.</p>
    </main>
  </StrictMode>,
);
