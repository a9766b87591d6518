export { notifyUser, notifyUsers } from './notify-users.ts';
