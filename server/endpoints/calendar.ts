import { calendarRange, calendarRangeInput } from '../calendar/admin';
import { defineEndpoint } from './define';

/** The working-day calendar day by day (reference data: any signed-in caller or read token; not an item read). */
export const calendarDaysEndpoint = defineEndpoint({
  name: 'calendar.days',
  summary: 'The working-day calendar in force, day by day: working day or not, kind, whether the year is known, and where the day comes from (at most about three years; default this year)',
  input: calendarRangeInput,
  run: (input) => calendarRange(input),
  rest: {
    path: '/api/v1/calendar',
    answer: (output) => ({ days: output.days }),
    returns: '{ days: [{ date, workday, kind: workday|weekend|holiday|adjusted_workday, known, source: package|override|notice|weekday_rule, name }] }',
  },
});
