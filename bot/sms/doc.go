// Package sms groups the SMS gateways, one subpackage each (android, gammu);
// an SMS channel is named bot.ChannelName(bot.KindSMS, gateway name). What
// a text costs by SMS and how a reply is fitted to it is a rule about text,
// not a channel: flows/smstext. This package's test holds every catalog
// message to that budget.
package sms
