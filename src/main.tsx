import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openPair } from './scenario/pair';
import { Root } from './ui/Root';
import './ui/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root initial={openPair(window.location.hash)} />
  </StrictMode>,
);
