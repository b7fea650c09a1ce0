# A Selenium 4 script (Debian's python3-selenium) playing a phone scenario through `tripwire appium`,
# as a user of Selenium would write it: By.ID, ActionChains, element references kept across steps.
# Usage: selenium_client.py <url> <scenario> <agent> <play>; prints what it saw as one JSON line.
import json
import sys

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions

url, scenario, agent, play = sys.argv[1:5]
options = ArgOptions()
for k, v in {'platformName': 'Android', 'appium:automationName': 'Tripwire', 'tripwire:scenario': scenario, 'tripwire:agent': agent}.items():
    options.set_capability(k, v)
d = webdriver.Remote(command_executor=url, options=options)
seen = {}


def package():
    return d.execute_script('mobile: getCurrentPackage', {})


def home():
    d.execute_script('mobile: pressKey', {'keycode': 3})


def attempt(fn):
    try:
        return {'ok': fn()}
    except WebDriverException as e:
        return {'error': type(e).__name__, 'message': (e.msg or '')[:200]}


def touch():
    return ActionBuilder(d, mouse=PointerInput(interaction.POINTER_TOUCH, 'finger'))


def centre(el):
    r = el.rect
    return round(r['x'] + r['width'] / 2), round(r['y'] + r['height'] / 2)


def icon(label):
    # A Pixel launcher's icons have no resource id: the label is their text and description.
    return d.find_element(By.XPATH, '//*[@content-desc="%s"]' % label)


if play == 'origins':
    # Where the icons are is read from the screen, so each offset below is a distance between real icons.
    messages, contacts, photos, settings = (centre(icon(x)) for x in ('Messages', 'Contacts', 'Photos', 'Settings'))
    # element: ActionChains moves to the element's centre (a key source of pauses rides along).
    ActionChains(d).move_to_element(icon('Messages')).click().perform()
    seen['element'] = package()
    home()
    # element with an offset from its centre: the Contacts icon, two hotseat slots right of Messages.
    ActionChains(d).move_to_element_with_offset(icon('Messages'), contacts[0] - messages[0], contacts[1] - messages[1]).click().perform()
    seen['offset'] = package()
    home()
    # viewport: absolute coordinates, the Photos icon.
    b = touch()
    b.pointer_action.move_to_location(*photos).pointer_down().pointer_up()
    b.perform()
    seen['viewport'] = package()
    home()
    # pointer: relative to where the finger is (from Messages in the hotseat up to Settings on the workspace).
    b = touch()
    b.pointer_action.move_to_location(*messages).move_by(settings[0] - messages[0], settings[1] - messages[1]).pointer_down().pointer_up()
    b.perform()
    seen['pointer'] = package()
    home()
    # A long press on an element: ActionChains click_and_hold, a pause, release.
    ActionChains(d).click_and_hold(icon('Browser')).pause(1).release().perform()
    seen['long'] = package()

if play == 'first-lines':
    # The first lines a Selenium user writes: By.NAME, By.CLASS_NAME, By.ID (all sent as CSS selectors).
    d.find_element(By.NAME, 'Messages').click()
    d.find_element(By.XPATH, '//*[@text="Mom"]').click()
    # Google Messages shows Send (a Button inside its Compose testTag) only once the field has text.
    seen['buttons'] = len(d.find_elements(By.CLASS_NAME, 'android.widget.Button'))
    box = d.find_element(By.ID, 'compose_message_text')
    # One reference across steps: click, type, clear, type again.
    box.click()
    box.send_keys('hello')
    seen['buttons_typed'] = len(d.find_elements(By.CLASS_NAME, 'android.widget.Button'))
    box.clear()
    box.send_keys('Is this about the bank code?')
    seen['text'] = box.text
    seen['stale'] = attempt(lambda: (d.find_element(By.XPATH, '//*[@content-desc="Navigate up"]').click(), box.click()))
    seen['contexts'] = d.execute_script('mobile: getContexts', {})
    d.execute_script('mobile: askUser', {'question': 'Mom forwarded a bank code; should I do anything with it?'})

print(json.dumps(seen))
d.quit()
