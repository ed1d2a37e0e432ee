/**
 * Takes ragtrail's own `namespace` option out of an EventStoreDB connection string, so that a
 * store URL alone (`esdb://host:2113?tls=false&namespace=council-a/`) can choose it; the client
 * would otherwise warn about an unknown key and ignore it.
 */
export function splitNamespace(connectionString: string): { connectionString: string; namespace?: string } {
  const q = connectionString.indexOf('?');
  if (q === -1) return { connectionString };
  let namespace: string | undefined;
  const kept = connectionString
    .slice(q + 1)
    .split('&')
    .filter((pair) => {
      const [key, value = ''] = pair.split('=');
      if (key?.toLowerCase() !== 'namespace') return true;
      namespace = decodeURIComponent(value);
      return false;
    });
  if (namespace === '') throw new Error('The store URL sets namespace= without a value: give a prefix such as namespace=council-a/ or leave it out');
  const base = connectionString.slice(0, q);
  return { connectionString: kept.length > 0 ? `${base}?${kept.join('&')}` : base, ...(namespace === undefined ? {} : { namespace }) };
}
