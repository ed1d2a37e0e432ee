export { createApp, type AppOptions, type Ragtrail } from './app.js';
export { startServer, type ServerOptions } from './server.js';
