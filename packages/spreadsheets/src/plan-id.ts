import { randomUUID } from 'node:crypto';
import { slugify } from '@ragtrail/core';

export const newPlanId = (title: string, given?: string) => given ?? `${slugify(title).slice(0, 40)}-${randomUUID().slice(0, 8)}`;
