import { createContext } from 'react';

/**
 * True where the moving layer must be painted on the main thread: the drawing worker holds
 * one moving layer, and two runs side by side show two.
 */
export const PaintHereContext = createContext(false);
