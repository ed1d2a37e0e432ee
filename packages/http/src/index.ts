export { createApp, type AppOptions, type Ragtrail } from './app.js';
export { startServer, ListenError, type ServerOptions } from './server.js';
