#!/usr/bin/env python3
"""Turns a CCXT-shaped Binance USDⓈ-M leverage-bracket snapshot (fetch_leverage_tiers) into the bot's
tier CSV. Perpetuals only (dated contracts and coin-margined markets are left out); Binance's own
strings under "info" are used, never the float copies.

usage: tools/binance-brackets-to-csv.py brackets.json 2024-10-24 > src/main/resources/tiers/binance-usdm-2024-10-24.csv
"""
import json
import sys

source, as_of = sys.argv[1], sys.argv[2]
markets = json.load(open(source, encoding="utf-8"))
print("# Binance USDⓈ-M notional and leverage brackets (GET /fapi/v1/leverageBracket) of every listed")
print("# USDT and USDC perpetual, made by tools/binance-brackets-to-csv.py. A tier holds notionals in")
print("# (floor, cap], as Binance publishes them; the maintenance amount is Binance's \"cum\".")
print("# source=Binance brackets")
print("# as-of=" + as_of)
print("symbol,notionalFloor,notionalCap,maintenanceMarginRate,maintenanceAmount,maxLeverage")
for market_id in sorted(markets):
    base_quote, _, settle = market_id.partition(":")
    if "-" in settle or settle not in ("USDT", "USDC"):
        continue
    base, quote = base_quote.split("/")
    for tier in sorted(markets[market_id], key=lambda t: float(t["info"]["notionalFloor"])):
        info = tier["info"]
        print(",".join([base + quote, info["notionalFloor"], info["notionalCap"], info["maintMarginRatio"],
                        info["cum"], info["initialLeverage"]]))
