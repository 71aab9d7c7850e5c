/**
 * A view of `target` with some methods replaced, for a test that makes one call fail or watches it.
 * Repositories are class instances: spreading them would lose their methods.
 */
export function overriding<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get: (object, property) => {
      if (property in overrides) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      // Methods run against the real object: its #private fields are not reachable through a proxy.
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
