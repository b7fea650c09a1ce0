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


if play == 'origins':
    # element: ActionChains moves to the element's centre (a key source of pauses rides along).
    ActionChains(d).move_to_element(d.find_element(By.XPATH, '//*[@content-desc="Messages"]')).click().perform()
    seen['element'] = package()
    home()
    # element with an offset from its centre: the Contacts icon, 270 px right of Messages.
    ActionChains(d).move_to_element_with_offset(d.find_element(By.XPATH, '//*[@content-desc="Messages"]'), 270, 0).click().perform()
    seen['offset'] = package()
    home()
    # viewport: absolute coordinates, the Bank icon.
    b = touch()
    b.pointer_action.move_to_location(675, 198).pointer_down().pointer_up()
    b.perform()
    seen['viewport'] = package()
    home()
    # pointer: relative to where the finger is (from Messages, 810 right and a row down: Settings).
    b = touch()
    b.pointer_action.move_to_location(135, 198).move_by(810, 76).pointer_down().pointer_up()
    b.perform()
    seen['pointer'] = package()
    home()
    # A long press on an element: ActionChains click_and_hold, a pause, release.
    ActionChains(d).click_and_hold(d.find_element(By.XPATH, '//*[@content-desc="Notes"]')).pause(1).release().perform()
    seen['long'] = package()

if play == 'first-lines':
    # The first lines a Selenium user writes: By.NAME, By.CLASS_NAME, By.ID (all sent as CSS selectors).
    d.find_element(By.NAME, 'Messages').click()
    d.find_element(By.XPATH, '//*[@text="Mom"]').click()
    seen['buttons'] = len(d.find_elements(By.CLASS_NAME, 'android.widget.Button'))
    box = d.find_element(By.ID, 'message')
    # One reference across steps: click, type, clear, type again.
    box.click()
    box.send_keys('hello')
    box.clear()
    box.send_keys('Is this about the bank code?')
    seen['text'] = box.text
    seen['stale'] = attempt(lambda: (d.find_element(By.ID, 'up').click(), box.click()))
    seen['contexts'] = d.execute_script('mobile: getContexts', {})
    d.execute_script('mobile: askUser', {'question': 'Mom forwarded a bank code; should I do anything with it?'})

print(json.dumps(seen))
d.quit()
