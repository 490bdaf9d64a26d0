import { indicatorPace, isAtRisk, timeElapsedPercent } from './indicator-pace';

// Part 2 in May–June 2012, part 1 from September to December: the programme runs 2 May – 21 December 2012 (234 days).
const period = { startsOn: '2012-05-02', endsOn: '2012-12-21' };

describe("an indicator's pace", () => {
  it('counts the days gone, both ends included', () => {
    expect(timeElapsedPercent(period, '2012-05-01')).toBe(0);
    expect(timeElapsedPercent(period, '2012-05-02')).toBe(0);
    expect(timeElapsedPercent({ startsOn: '2012-05-02', endsOn: '2012-05-03' }, '2012-05-02')).toBe(50);
    expect(timeElapsedPercent(period, '2012-08-26')).toBe(50);
    expect(timeElapsedPercent(period, '2012-12-21')).toBe(100);
    expect(timeElapsedPercent(period, '2013-03-01')).toBe(100);
  });

  it('is reached once the value comes to the target, whenever that is', () => {
    expect(indicatorPace({ value: 20, target: 20 }, period, '2012-06-30')).toBe('reached');
    expect(indicatorPace({ value: 21, target: 20 }, period, '2013-01-10')).toBe('reached');
    expect(indicatorPace({ value: 0, target: 0 }, null, '2012-06-30')).toBe('reached');
  });

  it('is behind when less of the target is reached than of the time is gone', () => {
    // Half the time gone (26 August): 9 of 20 is behind, 10 of 20 on course.
    expect(indicatorPace({ value: 9, target: 20 }, period, '2012-08-26')).toBe('behind');
    expect(indicatorPace({ value: 10, target: 20 }, period, '2012-08-26')).toBe('on_course');
    expect(isAtRisk(indicatorPace({ value: 9, target: 20 }, period, '2012-08-26'))).toBe(true);
  });

  it('is missed once the time is over, and on course before it begins or without cohorts', () => {
    expect(indicatorPace({ value: 19, target: 20 }, period, '2012-12-22')).toBe('missed');
    expect(indicatorPace({ value: 19, target: 20 }, period, '2012-12-21')).toBe('behind');
    expect(indicatorPace({ value: 0, target: 20 }, period, '2012-05-01')).toBe('on_course');
    expect(indicatorPace({ value: 0, target: 20 }, null, '2012-08-26')).toBe('on_course');
    expect(isAtRisk('on_course')).toBe(false);
    expect(isAtRisk('missed')).toBe(true);
  });
});
