import type { English } from '../../define';
import type { authMessages } from '../auth';

/** English for ../auth.ts: the same keys (the compiler checks), loaded only when English is chosen. */
export const authEn: English<typeof authMessages> = {
  'auth.title': 'Sign in',
  'auth.login': 'Login',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.submitting': 'Signing in…',
  'auth.continue': 'After signing in you return to the page you were on; what you typed is kept.',
  'auth.notNeeded': 'This server does not use sign-in.',
  'auth.home': 'Back to the start page',
  'auth.error.credentials': 'The login or password is incorrect.',
  'auth.error.locked': 'Too many failed sign-ins. Try again in {minutes} min.',
  'auth.error.network': 'The server cannot be reached. Check the network and try again.',
  'auth.error.required': 'Enter your login and password.',
  'auth.error.other': 'Sign-in failed: {message}',
  'auth.expired': 'Your session has expired; sign in again (what you typed is kept)',
  'auth.signOut': 'Sign out',
  'auth.signOutFailed': 'Sign-out failed: {message}',
};
