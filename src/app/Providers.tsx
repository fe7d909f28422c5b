import { useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './queryClient';
import { useThemeClass } from './useThemeClass';

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  useThemeClass();
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
