import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** Client-only preferences, kept in the browser. */
interface Preferences {
  lang: 'zh' | 'en';
  setLang: (lang: 'zh' | 'en') => void;
}

export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      lang: 'zh',
      setLang: (lang) => set({ lang }),
    }),
    { name: 'luoshi.preferences', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
