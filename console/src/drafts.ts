import { useEffect } from 'react';
import type { FormInstance } from 'antd';

/**
 * What the officer types is kept in sessionStorage (this tab only) until it is sent, so a session
 * that expires mid-form, a reload, or the way through the login page loses nothing.
 */
export function useDraft(key: string, form: FormInstance, ready = true): { save: () => void; clear: () => void } {
  const storageKey = `gonghui.draft.${key}`;
  useEffect(() => {
    if (!ready) return;
    const saved = sessionStorage.getItem(storageKey);
    if (saved) {
      try {
        form.setFieldsValue(JSON.parse(saved));
      } catch {
        sessionStorage.removeItem(storageKey);
      }
    }
  }, [form, storageKey, ready]);
  return {
    save: () => sessionStorage.setItem(storageKey, JSON.stringify(form.getFieldsValue())),
    clear: () => sessionStorage.removeItem(storageKey),
  };
}
