import { fixKafkajsIdleLoop, kafkajsRequestQueue } from './kafkajs-idle-loop';

describe('kafkajs request queue', () => {
  const queue = () => {
    const RequestQueue = kafkajsRequestQueue();
    return new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 1000, enforceRequestTimeout: false, clientId: 't', broker: 'b', logger: console });
  };

  beforeAll(() => expect(fixKafkajsIdleLoop()).toBe(true)); // false: kafkajs changed, re-check the fix

  it('sets no timer while no request waits (kafkajs 2.2.4 re-arms one every millisecond)', () => {
    const q = queue();
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  describe('with requests waiting', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    const waiting = () => {
      const q = queue();
      const checked = jest.spyOn(q, 'checkPendingRequests').mockImplementation(() => undefined);
      q.pending.push({});
      return { q, checked };
    };

    it('checks them when the broker’s throttle ends', () => {
      const { q, checked } = waiting();
      q.throttledUntil = Date.now() + 500;
      q.scheduleCheckPendingRequests();
      jest.advanceTimersByTime(499);
      expect(checked).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(checked).toHaveBeenCalledTimes(1);
    });

    it('checks them soon when not throttled', () => {
      const { q, checked } = waiting();
      q.scheduleCheckPendingRequests();
      jest.advanceTimersByTime(10);
      expect(checked).toHaveBeenCalledTimes(1);
    });
  });
});
