import { describe, expect, it } from 'vitest';
import { splitNamespace } from '../src/connection-string.js';

describe('the namespace in a store URL', () => {
  it('is taken out of the connection string, leaving the client options as they were', () => {
    expect(splitNamespace('esdb://localhost:2113?tls=false&namespace=council-a%2F')).toEqual({ connectionString: 'esdb://localhost:2113?tls=false', namespace: 'council-a/' });
    expect(splitNamespace('esdb+discover://u:p@esdb.internal:2113?namespace=x-&tlsCAFile=%2Fca.crt')).toEqual({ connectionString: 'esdb+discover://u:p@esdb.internal:2113?tlsCAFile=%2Fca.crt', namespace: 'x-' });
    expect(splitNamespace('esdb://a:2113,b:2113?namespace=n/')).toEqual({ connectionString: 'esdb://a:2113,b:2113', namespace: 'n/' });
  });

  it('leaves a connection string without one untouched', () => {
    expect(splitNamespace('esdb://localhost:2113?tls=false')).toEqual({ connectionString: 'esdb://localhost:2113?tls=false' });
    expect(splitNamespace('esdb://localhost:2113')).toEqual({ connectionString: 'esdb://localhost:2113' });
  });

  it('refuses an empty namespace, naming the option', () => {
    expect(() => splitNamespace('esdb://localhost:2113?namespace=')).toThrow(/namespace=/);
  });
});
