import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openFromHash } from './scenario/fromLocation';
import { App } from './ui/App';
import './ui/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App opened={openFromHash(window.location.hash)} />
  </StrictMode>,
);
