import { comfort } from './comfort';
import { common } from './common';
import { customerFile } from './customer-file';
import { customers } from './customers';
import { due } from './due';
import { errors } from './errors';
import { followUps } from './followups';
import { fx } from './fx';
import { importing } from './import';
import { merge } from './merge';
import { reminders } from './reminders';
import { settings } from './settings';
import { shell } from './shell';
import { tiers } from './tiers';
import { transfer } from './transfer';
import { welcome } from './welcome';

/** One namespace per feature, each holding both languages side by side so neither falls behind. */
export const resources = { common, errors, welcome, customers, customerFile, followUps, due, settings, fx, tiers, importing, merge, transfer, shell, reminders, comfort };
