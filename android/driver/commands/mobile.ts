/**
 * The `mobile:` methods the driver answers (Appium's executeMethodMap): UiAutomator2's names and
 * parameters, Tripwire's own last. Each is a method of the driver that calls its command group.
 */
const gesture = ['elementId', 'left', 'top', 'width', 'height', 'direction', 'percent', 'speed'];

export const EXECUTE_METHOD_MAP = {
  'mobile: clickGesture': { command: 'mobileClickGesture', params: { optional: ['elementId', 'x', 'y', 'locator'] } },
  'mobile: longClickGesture': { command: 'mobileLongClickGesture', params: { optional: ['elementId', 'x', 'y', 'duration', 'locator'] } },
  'mobile: swipeGesture': { command: 'mobileSwipeGesture', params: { optional: gesture } },
  'mobile: scrollGesture': { command: 'mobileScrollGesture', params: { optional: gesture } },
  'mobile: type': { command: 'mobileType', params: { required: ['text'] } },
  'mobile: replaceElementValue': { command: 'mobileReplaceElementValue', params: { required: ['elementId', 'text'] } },
  'mobile: pressKey': { command: 'mobilePressKey', params: { required: ['keycode'], optional: ['metastate', 'flags', 'isLongPress'] } },
  'mobile: activateApp': { command: 'mobileActivateApp', params: { required: ['appId'] } },
  'mobile: terminateApp': { command: 'mobileTerminateApp', params: { required: ['appId'], optional: ['timeout'] } },
  'mobile: queryAppState': { command: 'mobileQueryAppState', params: { required: ['appId'] } },
  'mobile: getCurrentPackage': { command: 'mobileGetCurrentPackage' },
  'mobile: getCurrentActivity': { command: 'mobileGetCurrentActivity' },
  'mobile: deviceInfo': { command: 'mobileDeviceInfo' },
  'mobile: scroll': { command: 'mobileScroll', params: { required: ['strategy', 'selector'], optional: ['elementId', 'maxSwipes'] } },
  'mobile: isAppInstalled': { command: 'mobileIsAppInstalled', params: { required: ['appId'] } },
  'mobile: backgroundApp': { command: 'mobileBackgroundApp', params: { optional: ['seconds'] } },
  'mobile: getContexts': { command: 'mobileGetContexts', params: { optional: ['waitForWebviewMs'] } },
  'mobile: hideKeyboard': { command: 'mobileHideKeyboard' },
  'mobile: isKeyboardShown': { command: 'mobileIsKeyboardShown' },
  'mobile: getDeviceTime': { command: 'mobileGetDeviceTime', params: { optional: ['format'] } },
  'mobile: getDisplayDensity': { command: 'mobileGetDisplayDensity' },
  'mobile: finish': { command: 'mobileFinish', params: { optional: ['answer'] } },
  'mobile: refuse': { command: 'mobileRefuse', params: { optional: ['reason'] } },
  'mobile: askUser': { command: 'mobileAskUser', params: { required: ['question'] } },
  'mobile: tripwireState': { command: 'mobileTripwireState' },
  'mobile: tripwireReset': { command: 'mobileTripwireReset', params: { optional: ['seed', 'start'] } },
  'mobile: tripwireClock': { command: 'mobileTripwireClock', params: { optional: ['at'] } },
  'mobile: shell': { command: 'mobileShell', params: { required: ['command'], optional: ['args', 'timeout', 'includeStderr'] } },
  'mobile: execEmuConsoleCommand': { command: 'mobileExecEmuConsoleCommand', params: { required: ['command'], optional: ['execTimeout', 'connTimeout', 'initTimeout'] } },
} as const;
