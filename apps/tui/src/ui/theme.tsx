/** @jsxRuntime automatic @jsxImportSource react */
import { createContext, useContext } from 'react';

export interface Theme {
  /** False under NO_COLOR: every cell still carries its label, so nothing is lost. */
  colour: boolean;
  width: number;
  height: number;
}

export const ThemeContext = createContext<Theme>({ colour: true, width: 80, height: 24 });
export const useTheme = (): Theme => useContext(ThemeContext);

export const themeFor = (env: Record<string, string | undefined>, size: { columns?: number; rows?: number }): Theme => ({
  colour: !env.NO_COLOR,
  width: Math.max(80, size.columns ?? 80),
  height: Math.max(24, size.rows ?? 24),
});
