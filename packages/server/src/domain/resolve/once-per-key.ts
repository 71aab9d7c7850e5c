/**
 * `read`, asked once per key: a second ask for the same key gets the first answer (the same promise). For
 * the reads of one verification, never kept beyond it.
 */
export function oncePerKey<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const found = new Map<string, Promise<T>>();
  return (key) => {
    const known = found.get(key);
    if (known !== undefined) return known;
    const reading = read(key);
    found.set(key, reading);
    return reading;
  };
}
