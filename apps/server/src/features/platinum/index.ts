export { registerPlatinumRoutes } from './platinum.routes.ts';
