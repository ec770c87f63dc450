import { useEffect, type RefObject } from 'react';

/** After a failed submit, focus moves to the first field marked invalid, so the message is where the user is. */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, errors: Record<string, string> | null | undefined) {
  useEffect(() => {
    if (!errors || Object.keys(errors).length === 0) return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [form, errors]);
}
