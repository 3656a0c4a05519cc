/** A customer's local time, where the user decides whom to call (the customer file's header, Today's rows). */
export const localTime = {
  'zh-CN': {
    line: '当地时间 {{weekday}} {{time}}（{{offset}}）',
    short: '当地 {{weekday}} {{time}}',
    night: '当地夜间',
    weekend: '当地周末',
    zoneTitle: '时区 {{zone}}，{{offset}}',
    theirTime: '对方时间 {{weekday}} {{time}}',
    theirCallTime: '设为对方 {{time}}',
    theirCallTimeTitle: '把下次联系的日期和时间设为对方当天 {{time}}（{{zone}}）',
    several: {
      no_city: '{{country}}有多个时区：填写城市即可显示当地时间',
      unknown_city: '{{country}}有多个时区，未识别城市“{{city}}”：请用英文填写城市（如 Houston）',
      ambiguous_city: '{{country}}有不止一个“{{city}}”，时区不同：填写州或省即可显示当地时间',
    },
  },
  en: {
    line: 'Local time {{time}} {{weekday}} ({{offset}})',
    short: '{{time}} {{weekday}} there',
    night: 'night there',
    weekend: 'weekend there',
    zoneTitle: 'Time zone {{zone}}, {{offset}}',
    theirTime: '= {{time}} {{weekday}} in their time',
    theirCallTime: 'Their {{time}}',
    theirCallTimeTitle: 'Sets the next contact to {{time}} on their day ({{zone}}), in your time',
    several: {
      no_city: 'Several time zones in {{country}}: add the city to see their local time',
      unknown_city: 'Several time zones in {{country}}, and “{{city}}” is not a city we know: write it in English (e.g. Houston)',
      ambiguous_city: 'More than one “{{city}}” in {{country}}, in different time zones: add the state or province',
    },
  },
};
