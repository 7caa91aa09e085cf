/**
 * The preview server's port is taken: the CLI prints this in one line (exit 3, like any failure of the
 * machine rather than the sources) and the message says how to pick another.
 */
import { EnvironmentError } from '../environment-error.js';

export class PortInUseError extends EnvironmentError {
  constructor(
    readonly port: number,
    readonly host: string,
    options?: ErrorOptions,
  ) {
    super(`cannot serve the preview: port ${port} on ${host} is in use by another program; --port picks another`, 'EADDRINUSE', options);
    this.name = 'PortInUseError';
  }
}
