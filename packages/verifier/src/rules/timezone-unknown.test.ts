import { testRule, taskItem, windowItem } from '../../test/rule-tester.ts';
import { timezoneUnknown } from './timezone-unknown.ts';

testRule(timezoneUnknown, {
  valid: [
    {
      name: 'IANA names and UTC',
      runbooks: [
        {
          timezone: 'Africa/Nairobi',
          windows: [windowItem({ timezone: 'UTC' })],
          tasks: [taskItem({ timezone: 'Europe/London' })],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'EAT names Africa/Nairobi',
      runbooks: [{ timezone: 'EAT' }],
      errors: [{ path: 'timezone', messageId: 'unknown', message: /abbreviation.*'Africa\/Nairobi'/ }],
    },
    {
      name: 'CET and PST on items',
      runbooks: [{ windows: [windowItem({ timezone: 'CET' })], tasks: [taskItem({ timezone: 'PST' })] }],
      errors: [
        { path: 'windows[0].timezone', messageId: 'unknown', message: /Europe\/Paris/ },
        { messageId: 'unknown', path: 'tasks[0].timezone', message: /America\/Los_Angeles/ },
      ],
    },
    {
      name: 'a misspelt IANA name',
      runbooks: [{ timezone: 'Amerca/Chicago' }],
      errors: [
        {
          path: 'timezone',
          messageId: 'unknown',
          message:
            /^Unknown time zone: 'Amerca\/Chicago' is not an IANA time zone name; did you mean 'America\/Chicago'\?$/,
        },
      ],
    },
    {
      name: 'a fixed offset',
      runbooks: [{ timezone: 'UTC+3' }],
      errors: [{ path: 'timezone', messageId: 'unknown', message: /fixed offset.*Etc\/GMT-3/ }],
    },
    {
      name: 'wrong case',
      runbooks: [{ timezone: 'africa/nairobi' }],
      errors: [{ path: 'timezone', messageId: 'unknown', message: /write 'Africa\/Nairobi'/ }],
    },
    {
      name: 'made up',
      runbooks: [{ timezone: 'Mars/Olympus' }],
      errors: [{ path: 'timezone', messageId: 'unknown', message: /not an IANA time zone/ }],
    },
  ],
});
