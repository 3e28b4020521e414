/**
 * Toasts for what the shell itself reports (sign-out, demo reset): sonner loads on first use, so its
 * code stays off the first screen's path. Feature pages (lazy chunks) may import sonner directly.
 */
export const notify = {
  success: (message: string) => void import('sonner').then(({ toast }) => toast.success(message)),
  error: (message: string) => void import('sonner').then(({ toast }) => toast.error(message)),
};
