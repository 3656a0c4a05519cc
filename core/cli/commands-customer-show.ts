import type { OutputOf } from '../../shared/contract';
import { countryName } from '../../renderer/components/format';
import { formatPhone } from '../../shared/domain/phone';
import { requireFlag } from './args';
import type { Command } from './commands';
import { localTimeWords } from './local-time-words';

type Shown = OutputOf<'customers:get'> & OutputOf<'customers:timeZone'>;

/** `customers show --id ID`: one customer's file in a few lines, with their local time; --json adds `timeZone` to customers:get's answer. */
export const CUSTOMER_SHOW_COMMANDS: Command[] = [
  {
    words: ['customers', 'show'],
    flags: { id: { type: 'string' } },
    run: async (v, call): Promise<Shown> => {
      const id = requireFlag(v, 'id');
      const [customer, { timeZone }] = await Promise.all([call('customers:get', { id }), call('customers:timeZone', { id })]);
      return { ...customer, timeZone };
    },
    human: (c: Shown, _money, w) => {
      const place = [c.city, c.region, c.country ? countryName(c.country, w.language) : null].filter(Boolean).join(', ');
      const localTime = localTimeWords(w, c.timeZone, 'line', { now: Date.now() }, c);
      return [
        `${c.name}${c.company ? w('cli:out.customers.company', { company: c.company }) : ''}  ${c.id}`,
        ...(place ? [`  ${w('cli:out.customers.place', { place })}`] : []),
        ...(localTime ? [`  ${localTime}`] : []),
        ...c.contacts.map((k) => `  ${w(`cli:out.customers.contactKind.${k.kind}`)} ${k.kind === 'phone' || k.kind === 'whatsapp' ? formatPhone(k.value) : k.value}`),
      ].join('\n');
    },
  },
];
