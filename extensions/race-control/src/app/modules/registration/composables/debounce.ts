// Searches run as the registrar types, a quarter second after the last key, not on every key.
export function debounced(fn: () => unknown, ms = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}
