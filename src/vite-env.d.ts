/// <reference types="vite/client" />

declare const __LUOSHI_DEMO__: boolean;

interface ImportMetaEnv {
  readonly VITE_API_BASE_URL?: string;
}
