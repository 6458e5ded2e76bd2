-- wrk script: GET each path of the file named by WRK_PATHS in turn (one per line), with the headers of
-- WRK_HEADERS (one "name: value" per line). bench/lib/wrk.ts writes both files and reads the summary printed
-- by done() (JSON on the last line).
local paths = {}
local headers = {}
local i = 0
function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do table.insert(paths, line) end
  for line in io.lines(os.getenv("WRK_HEADERS")) do
    local name, value = line:match("^([^:]+):%s*(.*)$")
    if name then headers[name] = value end
  end
end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i - 1) % #paths + 1], headers)
end
function done(summary, latency, requests)
  io.write(string.format('{"requests":%d,"durationUs":%d,"bytes":%d,"errors":%d,"status":%d,"timeout":%d,"p50":%.3f,"p99":%.3f}\n',
    summary.requests, summary.duration, summary.bytes,
    summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
