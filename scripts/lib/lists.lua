-- wrk script of the benchmarks (scripts/bench/api, scripts/bench/cache): GET one list route
-- with ids drawn from [lo, hi]. Arguments after `--`: ROUTE (questions | answers), LO, HI, and
-- DRAW: `uniform` (every id as likely, like pgbench's random(lo, hi)) or `zipf` (the id of
-- popularity rank r drawn with weight 1/r, the skew of a storefront's catalogue; ranks are
-- scattered over the range so that popularity does not follow the id). Request strings and the Zipf table are
-- built once per thread in init(): per request, one random draw and a binary search at most.
local lo, hi, n, zipf, step
local requests = {}
local cumulative = {}

function init(args)
  local route = args[1]
  lo = tonumber(args[2]); hi = tonumber(args[3]); n = hi - lo + 1
  zipf = args[4] == "zipf"
  math.randomseed(os.time() * 1000 + tonumber(tostring({}):match("0x(%x+)"), 16) % 1000)
  for id = lo, hi do
    if route == "answers" then
      requests[id] = wrk.format("GET", "/qa/questions/" .. id .. "/answers")
    else
      requests[id] = wrk.format("GET", "/qa/questions?product_id=" .. id)
    end
  end
  if zipf then
    -- A prime that does not divide n: rank r goes to lo + (r * step) % n, a one-to-one scatter.
    step = (n % 1000003 == 0) and 999983 or 1000003
    local total = 0
    for rank = 1, n do
      total = total + 1 / rank
      cumulative[rank] = total
    end
  end
end

function request()
  if not zipf then
    return requests[math.random(lo, hi)]
  end
  local target = math.random() * cumulative[n]
  local low, high = 1, n
  while low < high do
    local mid = math.floor((low + high) / 2)
    if cumulative[mid] < target then low = mid + 1 else high = mid end
  end
  return requests[lo + ((low - 1) * step) % n]
end
