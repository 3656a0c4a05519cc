import { comfort } from './comfort';
import { clv } from './clv';
import { common } from './common';
import { customerFile } from './customer-file';
import { customers } from './customers';
import { data } from './data';
import { errors } from './errors';
import { evaluation } from './evaluation';
import { followUps } from './followups';
import { fx } from './fx';
import { importing } from './import';
import { merge } from './merge';
import { offering } from './offering';
import { orders } from './orders';
import { reminders } from './reminders';
import { reportFigures } from './report-figures';
import { prediction } from './prediction';
import { settings } from './settings';
import { shell } from './shell';
import { team } from './team';
import { tierLabels } from './tier-labels';
import { tierSettings } from './tier-settings';
import { tiers } from './tiers';
import { today } from './today';
import { transfer } from './transfer';
import { welcome } from './welcome';

/** One namespace per feature, each holding both languages side by side so neither falls behind. */
export const resources = { common, errors, welcome, customers, customerFile, followUps, settings, fx, tiers, tierLabels, importing, merge, transfer, shell, reminders, today, data, prediction, comfort, clv, orders, tierSettings, reportFigures, offering, evaluation, team };
