import { AppError } from '@/lib/errors/app-error';

export function teamNameTakenError(name: string) {
  const message = `There is already a team called “${name}”. Choose a name that tells them apart.`;
  return new AppError('conflict', message, { fieldErrors: { name: [message] } });
}
