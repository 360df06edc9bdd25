/**
 * Lines several command packages print alike: odds of liquidation, volatility and survival advice appear in
 * /positions and /risk (trading), /whatif (insights) and the warnings (alerts). Pure text, no beans.
 */
package org.marginsentinel.adapter.telegram.views;
